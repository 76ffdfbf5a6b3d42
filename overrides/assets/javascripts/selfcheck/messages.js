// Every word the self-check's scripts show, in one place to read and translate.
// Questionnaire text and everything a result says come from the package's data instead.

export const messages = {
  engine: {
    idle: "",
    starting: "Preparing private scoring on this device…",
    ready: "Private scoring is ready. Your answers stay on this device.",
    failed: "Private scoring could not start in this browser.",
  },
  framed: {
    why:
      "This check is shown inside another website, so it does not run here. " +
      "Your answers are private only on this site's own page.",
    link: "Open the check on its own page",
  },
  progress: (answered, total) => `${answered} of ${total} answered`,
  waitingForEngine: "Almost there: your result will appear as soon as private scoring is ready.",
  noAnswers: "Answer at least one question to see a result. You can skip any question.",
  failure: {
    request: "Something went wrong while working out your result.",
    reason: (detail) => `What went wrong: ${detail}`,
    unreadable: "The private scoring gave an answer this page could not read.",
    tooSlow:
      "Private scoring took more than three minutes to get ready. The internet connection may be slow or interrupted.",
    requestTooSlow: "Private scoring stopped answering.",
    kept: "Your answers are still here on this page.",
    retry: "Try again",
    paper: "Use the paper version instead",
  },
  // By the bridge's error code: the package gives a code and a neutral message,
  // and the page says what it means for the visitor.
  scoringError: {
    heading: "We could not work out your result from these answers.",
    codes: {
      invalid_value: "One answer is not one of the choices for its question.",
      unknown_item: "One answer belongs to a question this check does not have.",
      unknown_questionnaire: "This copy of the site cannot score this check.",
      unknown_language: "This copy of the site cannot score this check in this language.",
      invalid_json: "This page sent your answers in a form the private scoring could not read.",
      invalid_request: "This page sent your answers in a form the private scoring could not read.",
      too_large: "This page sent more than the private scoring can read.",
      internal_error: "Something went wrong inside the private scoring.",
    },
    other: "Something went wrong inside the private scoring.",
    question: (number) => `Please look at question ${number} and choose its answer again.`,
  },
};
