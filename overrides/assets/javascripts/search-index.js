{#-
  Rendered by MkDocs as a theme static template (mkdocs.yml: theme:
  static_templates). One row per page: [url, title, date, type, boost, text].
  Loaded with a <script> tag (not fetch) so search works from disk (file://),
  where Pagefind cannot load its index.
-#}
window.__briefingIndex = [
{%- for file in pages %}
  {%- set p = file.page %}
  {%- if p and not p.is_link %}
    {%- set meta = p.meta if p.meta is mapping else {} %}
    {%- set title = meta.title if meta.title else p.title %}
    {%- set boost = meta.search.boost if (meta.search is mapping and meta.search.boost is number) else 1 %}
    {%- set aliases = meta.aliases if (meta.aliases is iterable and meta.aliases is not string and meta.aliases is not mapping) else [] %}
    {%- set text = [meta.summary or "", aliases | join(" ")] | join(" ") %}
{{ [p.url, (title or "") | string | striptags, (meta.date or meta.updated or "") | string, meta.type if meta.type is string else ("article" if meta.source else "page"), boost, text | string] | tojson }},
  {%- endif %}
{%- endfor %}
];
