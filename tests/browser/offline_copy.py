"""Waiting for the offline copy in a page, shared by the browser tests that keep one."""

# Resolves once this site's service worker is active and no other version is installing or waiting.
OFFLINE_COPY_READY = """async () => {
  for (let i = 0; i < 1200; i++) {
    const registration = await navigator.serviceWorker.getRegistration();
    if (registration && registration.active && !registration.installing && !registration.waiting) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}"""
