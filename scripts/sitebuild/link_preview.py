"""Link previews: the Open Graph and Twitter card details of a page, and its card image.

Messaging apps and social sites show a preview of a shared link from these
tags; every address in them is absolute (built from ``site_url``), as the
previewing site requires. The template ``partials/sharing/link-preview.html``
writes the tags; ``social_card`` draws the images.
"""

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from sitebuild.practice import Practice
from sitebuild.social_card import HEIGHT, WIDTH, Card, site_path


@dataclass(frozen=True)
class LinkPreview:
    title: str
    description: str
    url: str
    image: str
    image_width: int
    image_height: int
    locale: str
    site_name: str
    kind: str  # Open Graph type: "website" for the home page, else "article"


def short_address(url: str) -> str:
    """An address as people write it on paper: no scheme, no trailing slash."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


def og_locale(language: str) -> str:
    """Open Graph writes locales with an underscore (``pt-BR`` -> ``pt_BR``)."""
    return language.replace("-", "_")


def page_title(page) -> str:
    """The page's title as the theme shows it in the browser's tab, without markup."""
    title = (page.meta or {}).get("title") or page.title or ""
    return re.sub(r"<[^>]+>", "", str(title)).strip()


def card_title(page, practice: Practice) -> str:
    """The words on the card: the page's title, or for the home page (titled "Home") the site's description."""
    return practice.description if page.is_homepage else page_title(page)


def page_card(page, practice: Practice, site_url: str) -> Card:
    return Card(
        title=card_title(page, practice),
        practice_name=practice.name,
        address=short_address(site_url),
        background=practice.colours.primary,
        accent=practice.colours.accent,
    )


def preview_for(page, practice: Practice, site_url: str, site_description: str) -> LinkPreview:
    """The link-preview details of a page (the same description as its meta description)."""
    description = (page.meta or {}).get("description") or site_description or ""
    return LinkPreview(
        title=practice.name if page.is_homepage else page_title(page),
        description=str(description),
        url=page.canonical_url or urljoin(site_url, page.url),
        image=urljoin(site_url, site_path(page.url)),
        image_width=WIDTH,
        image_height=HEIGHT,
        locale=og_locale(practice.language),
        site_name=practice.name,
        kind="website" if page.is_homepage else "article",
    )
