"""A report as one self-contained HTML page, in the reader's language.

The same HTML is printed to PDF by ``anjian.ui.report_pdf`` through Qt's rich
text engine, so it keeps to what that engine draws: headings, paragraphs and
bordered tables, no scripts, no external files. Every value is escaped.
"""

from __future__ import annotations

import html

from anjian.core.reports.content import Cell, Report, ReportSection
from anjian.i18n import Catalogue, Text

# Fonts that cover Chinese on Windows, macOS and Linux; the PDF writer embeds
# the glyphs it used, so the file reads the same everywhere.
FONT_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei",
                 "sans-serif")

_STYLE = """
body { font-family: %s; font-size: 10.5pt; color: #111; }
h1 { font-size: 17pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 14pt; margin-bottom: 4pt; }
p.subtitle { color: #444; margin-top: 0; }
table { border-collapse: collapse; width: 100%%; }
th, td { border: 1px solid #888; padding: 4px; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
p.footer { color: #444; font-size: 9pt; margin-top: 18pt; }
""" % ", ".join(f"'{f}'" if " " in f else f for f in FONT_FAMILIES)

_HTML_LANG = {"zh_CN": "zh-Hans", "zh_TW": "zh-Hant", "en": "en"}


def render_text(text: Text | str, catalogue: Catalogue) -> str:
    """A :class:`Text` in the catalogue's language, with nested Texts rendered too.

    A plain ``str`` is user data and comes back unchanged.
    """
    if not isinstance(text, Text):
        return text
    params = {k: render_text(v, catalogue) if isinstance(v, Text) else v
              for k, v in text.params.items()}
    return catalogue.render(Text(text.msgid, params))


def _cell(value: Cell, catalogue: Catalogue) -> str:
    return html.escape(render_text(value, catalogue)).replace("\n", "<br>")


def _section(section: ReportSection, catalogue: Catalogue) -> list[str]:
    out = [f"<h2>{_cell(section.heading, catalogue)}</h2>"]
    out += [f"<p>{_cell(p, catalogue)}</p>" for p in section.paragraphs]
    if section.columns and section.rows:
        # border/cellpadding attributes for Qt's engine, which ignores some CSS.
        out.append('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
        out.append("<tr>" + "".join(f"<th>{_cell(c, catalogue)}</th>"
                                    for c in section.columns) + "</tr>")
        out += ["<tr>" + "".join(f"<td>{_cell(v, catalogue)}</td>" for v in row) + "</tr>"
                for row in section.rows]
        out.append("</table>")
    elif section.columns and section.empty is not None:
        out.append(f"<p>{_cell(section.empty, catalogue)}</p>")
    return out


def render_html(report: Report, catalogue: Catalogue) -> str:
    """The report as a complete HTML document."""
    title = _cell(report.title, catalogue)
    body = [f"<h1>{title}</h1>", f'<p class="subtitle">{_cell(report.subtitle, catalogue)}</p>']
    for section in report.sections:
        body += _section(section, catalogue)
    body.append(f'<p class="footer">{_cell(report.footer, catalogue)}</p>')
    lang = _HTML_LANG.get(catalogue.language, "en")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
