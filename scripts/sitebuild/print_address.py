"""On paper, the way back to the page: a QR code, the short address in words, and the practice's details.

Handouts and the paper versions of the checks are made to be printed and
handed out, so each one prints, beside its title, a QR code to its own page at
the site's final address (``site_url``) with that address in words, and at its
foot the practice's name, phone and web address. Both are shown only in print
(``partials/sharing/print-address.html``, styled in site.css).
"""

import html as html_lib
import re
from urllib.parse import urljoin

from sitebuild import templates
from sitebuild.link_preview import short_address
from sitebuild.practice import Practice
from sitebuild.qr_code import inline_svg

# A link to another page of the site (not an anchor on this page, not mailto: or https:).
_SITE_LINK = re.compile(r'<a href="(?P<href>(?![#/])(?![a-z][a-z0-9+.-]*:)[^"]+)"')

# Pages made to be printed: every handout (not the list of them) and every paper version.
PRINTED_FOLDERS = ("handouts/", "self-check/paper/")
NOT_PRINTED = {"handouts/index.md"}


def is_printed(src_uri: str) -> bool:
    return src_uri.startswith(PRINTED_FOLDERS) and src_uri not in NOT_PRINTED


def add_print_address(html: str, src_uri: str, page_address: str, site_address: str, practice: Practice) -> str:
    """The page with its QR code and address first and the practice's details last, for print only."""
    if not is_printed(src_uri):
        return html
    context = {
        "practice": practice,
        "qr_code": inline_svg(page_address),
        "page_address": page_address,
        "page_short": short_address(page_address),
        "site_address": site_address,
        "site_short": short_address(site_address),
    }
    head = templates.render("partials/sharing/print-address.html", **context)
    foot = templates.render("partials/sharing/print-footer.html", **context)
    return head + with_printed_link_addresses(html, page_address) + foot


def with_printed_link_addresses(html: str, page_address: str) -> str:
    """Links to other pages carry their address in words, which site.css prints after the link text."""

    def address(match: re.Match[str]) -> str:
        target = short_address(urljoin(page_address, html_lib.unescape(match["href"])))
        return f'{match[0]} data-print-address="{html_lib.escape(target)}"'

    return _SITE_LINK.sub(address, html)
