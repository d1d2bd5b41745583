package io.itam.io.position;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The style sheet and the script inlined in every HTML report, and the content security policy that
 * lets the page run exactly these two and load nothing at all: no network, no fonts, no images from
 * elsewhere. The policy names their SHA-256 digests, so even a value that escaped its escaping
 * could not run a script.
 *
 * <p>The script sorts a table when a column header is clicked (numbers as numbers, ties in the
 * position's order), filters a table's rows by a text, opens every explanation before printing, and
 * applies a sort named in the address: {@code report.html#sort=products:shortfall:desc} sorts the
 * table {@code products} by its column {@code shortfall}, descending. Once it has run, the root
 * element carries {@code data-ready="true"}, and after a sort {@code data-sorted="<table>:<column>:
 * <asc|desc>"} (a hook for the browser test).
 */
final class HtmlAssets {
  private HtmlAssets() {}

  static final String STYLE =
      """
      :root {
        --ink: #1d2733; --muted: #5b6776; --line: #d8dee6; --page: #f3f5f8; --card: #ffffff;
        --head: #eef1f5; --bad: #b42318; --bad-soft: #fdecea; --good: #05754a; --good-soft: #e6f6ee;
        --warn: #a35200; --warn-soft: #fff6e5; --spare: #1769aa; --spare-soft: #e8f1fa;
        --link: #1d4ed8;
      }
      * { box-sizing: border-box; }
      html { -webkit-text-size-adjust: 100%; }
      body {
        margin: 0; color: var(--ink); background: var(--page);
        font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial,
          sans-serif;
      }
      .banner { color: #fff; background: var(--bad); }
      .banner.good { background: var(--good); }
      .banner > div { max-width: 1320px; margin: 0 auto; padding: 26px 40px 24px; }
      .eyebrow { margin: 0; font-size: 13px; letter-spacing: .08em; text-transform: uppercase;
        opacity: .88; }
      .banner h1 { margin: 2px 0 6px; font-size: 34px; line-height: 1.15; }
      .banner p.meta { margin: 0; font-size: 16px; opacity: .95; }
      main { max-width: 1320px; margin: 0 auto; padding: 24px 40px 40px; }
      nav.jump { display: flex; flex-wrap: wrap; gap: 8px; margin: 22px 0 0; }
      nav.jump a { color: var(--link); background: var(--card); border: 1px solid var(--line);
        border-radius: 999px; padding: 3px 12px; font-size: 14px; text-decoration: none; }
      nav.jump a:hover, nav.jump a:focus-visible { border-color: var(--link); }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr));
        gap: 14px; margin: 0; }
      .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
        padding: 14px 18px 16px; border-top: 4px solid var(--line); }
      .card.bad { border-top-color: var(--bad); }
      .card.good { border-top-color: var(--good); }
      .card.spare { border-top-color: var(--spare); }
      .card dt { font-size: 12px; font-weight: 600; color: var(--muted); letter-spacing: .06em;
        text-transform: uppercase; }
      .card dd { margin: 0; }
      .card dd.figure { margin-top: 4px; font-size: 28px; font-weight: 700;
        font-variant-numeric: tabular-nums; white-space: nowrap; }
      .card dd.figure small { font-size: 15px; font-weight: 600; color: var(--muted); }
      .card.bad dd.figure { color: var(--bad); }
      .card.good dd.figure { color: var(--good); }
      .card.spare dd.figure { color: var(--spare); }
      .card dd.sub { margin-top: 4px; font-size: 13px; color: var(--muted); }
      .notice { margin: 14px 0 0; padding: 10px 14px; border-radius: 8px;
        border-left: 4px solid var(--warn); background: var(--warn-soft); }
      .notice.fine { border-left-color: var(--good); background: var(--good-soft); }
      section { margin-top: 34px; }
      h2 { margin: 0 0 4px; font-size: 21px; }
      h2 .count { color: var(--muted); font-weight: 500; }
      p.lead { margin: 0 0 12px; color: var(--muted); }
      figure { margin: 0; padding: 14px 18px; background: var(--card); border: 1px solid var(--line);
        border-radius: 10px; }
      figure svg { display: block; width: 100%; height: auto; }
      figcaption { margin-top: 6px; font-size: 13px; color: var(--muted); }
      .key { display: inline-block; width: 12px; height: 12px; border-radius: 2px;
        vertical-align: -1px; margin: 0 4px 0 12px; }
      .key.short { background: var(--bad); margin-left: 0; }
      .key.spare { background: var(--spare); }
      svg text { fill: var(--ink); font-size: 13px; }
      svg text.axis { fill: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: .04em; }
      svg text.value { font-variant-numeric: tabular-nums; }
      svg text.unpriced { fill: var(--warn); font-style: italic; }
      svg rect.short { fill: var(--bad); }
      svg rect.spare { fill: var(--spare); }
      svg rect.band { fill: var(--page); }
      svg line.zero { stroke: var(--muted); stroke-width: 1; }
      .toolbar { display: flex; flex-wrap: wrap; align-items: baseline; justify-content:
        space-between; gap: 8px 16px; }
      .toolbar .filter { display: flex; align-items: baseline; gap: 10px; }
      .toolbar label { font-size: 14px; color: var(--muted); }
      .toolbar input { margin-left: 6px; padding: 5px 10px; font: inherit; font-size: 14px;
        border: 1px solid var(--line); border-radius: 6px; min-width: 220px; }
      .scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 10px;
        background: var(--card); }
      table { width: 100%; border-collapse: collapse; }
      caption { text-align: left; padding: 8px 12px; font-size: 13px; color: var(--muted);
        caption-side: bottom; }
      th, td { padding: 7px 12px; text-align: left; vertical-align: top;
        border-bottom: 1px solid var(--line); }
      thead th { background: var(--head); font-size: 13px; font-weight: 600; white-space: nowrap; }
      tbody tr:last-child td { border-bottom: 0; }
      tbody tr:hover { background: #f8fafc; }
      .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.id { font-family: ui-monospace, "SFMono-Regular", "Liberation Mono", Menlo, monospace;
        font-size: 13px; white-space: nowrap; }
      tr.short > td:first-child { box-shadow: inset 4px 0 0 var(--bad); }
      tr.short td.shortfall, tr.short td.shortfallCost { color: var(--bad); font-weight: 700; }
      td.id small, ol.buy small { display: block; font-family: system-ui, -apple-system,
        "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; font-size: 12px;
        color: var(--muted); white-space: normal; }
      tr.up td.change { color: var(--bad); font-weight: 700; }
      tr.down td.change { color: var(--good); font-weight: 700; }
      tr.spare td.surplus, tr.spare td.surplusValue { color: var(--spare); font-weight: 700; }
      td.use, td.metric, .nb { white-space: nowrap; }
      th button { font: inherit; color: inherit; background: none; border: 0; padding: 0;
        cursor: pointer; }
      th button::after { content: " \\2195"; color: #9aa6b4; }
      th[aria-sort="ascending"] button::after { content: " \\25B2"; color: var(--ink); }
      th[aria-sort="descending"] button::after { content: " \\25BC"; color: var(--ink); }
      th button:focus-visible, summary:focus-visible, input:focus-visible {
        outline: 2px solid var(--link); outline-offset: 2px; }
      th.num button { text-align: right; }
      .pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px;
        font-weight: 700; white-space: nowrap; }
      .pill.bad { color: var(--bad); background: var(--bad-soft); }
      .pill.good { color: var(--good); background: var(--good-soft); }
      .pill.spare { color: var(--spare); background: var(--spare-soft); }
      .pill.plain { color: var(--muted); background: var(--head); }
      .reason { min-width: 300px; max-width: 640px; font-size: 13px; color: #35414e;
        white-space: pre-line; }
      td.why { min-width: 200px; max-width: 520px; font-size: 13px; }
      details summary { cursor: pointer; color: var(--link); }
      details ul { margin: 6px 0 2px; padding-left: 18px; }
      details li { margin: 3px 0; white-space: pre-line; }
      details li b { font-weight: 600; }
      .meter { display: inline-block; width: 64px; height: 8px; margin-right: 8px;
        vertical-align: 0; }
      .meter rect.track { fill: var(--head); }
      .meter rect.used { fill: var(--good); }
      .meter rect.full { fill: var(--muted); }
      .muted { color: var(--muted); }
      ol.buy { margin: 0; padding: 0; list-style: none; background: var(--card);
        border: 1px solid var(--line); border-radius: 10px; }
      ol.buy li { display: grid; grid-template-columns: minmax(160px, 1fr) minmax(200px, 2fr)
        minmax(120px, auto); gap: 16px; padding: 9px 18px; border-bottom: 1px solid var(--line); }
      ol.buy li:last-child { border-bottom: 0; }
      ol.buy li.total { background: var(--head); font-weight: 700; }
      ol.buy .what { color: var(--muted); }
      ol.buy .amount { text-align: right; font-variant-numeric: tabular-nums; font-weight: 700;
        color: var(--bad); white-space: nowrap; }
      ol.buy .amount.none { color: var(--warn); font-weight: 600; font-style: italic; }
      ol.buy li.total .amount { color: var(--ink); }
      footer { max-width: 1320px; margin: 0 auto; padding: 0 40px 40px; font-size: 13px;
        color: var(--muted); }
      .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
        clip: rect(0 0 0 0); white-space: nowrap; }
      @media print {
        body { background: #fff; font-size: 12px; }
        .banner, .card, svg rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        .toolbar input, nav.jump, th button::after { display: none; }
        .scroll { overflow: visible; }
        section { break-inside: auto; }
        tr { break-inside: avoid; }
      }
      """;

  static final String SCRIPT =
      """
      (function () {
        "use strict";
        var root = document.documentElement;
        var each = function (list, action) { Array.prototype.forEach.call(list, action); };

        function value(row, index, numeric) {
          var cell = row.cells[index];
          var text = !cell ? "" : cell.hasAttribute("data-value")
              ? cell.getAttribute("data-value") : cell.textContent.trim();
          if (numeric) {
            var number = text === "" ? NaN : Number(text);
            return isNaN(number) ? -Infinity : number;
          }
          return text.toLowerCase();
        }

        function sort(table, column, descending) {
          var headers = table.tHead.rows[0].cells;
          var index = -1;
          for (var i = 0; i < headers.length; i++) {
            if (headers[i].getAttribute("data-key") === column) { index = i; }
          }
          if (index < 0) { return false; }
          var numeric = headers[index].getAttribute("data-type") === "number";
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = value(a, index, numeric);
            var y = value(b, index, numeric);
            var order = x < y ? -1 : x > y ? 1 : 0;
            if (descending) { order = -order; }
            return order !== 0 ? order
                : Number(a.getAttribute("data-row")) - Number(b.getAttribute("data-row"));
          });
          each(rows, function (row) { body.appendChild(row); });
          each(headers, function (header, i) {
            if (i === index) {
              header.setAttribute("aria-sort", descending ? "descending" : "ascending");
            } else {
              header.removeAttribute("aria-sort");
            }
          });
          root.setAttribute("data-sorted",
              table.id + ":" + column + ":" + (descending ? "desc" : "asc"));
          return true;
        }

        each(document.querySelectorAll("table.sortable"), function (table) {
          each(table.tHead.rows[0].cells, function (header) {
            var button = header.querySelector("button");
            if (!button) { return; }
            button.addEventListener("click", function () {
              var now = header.getAttribute("aria-sort");
              var descending = now === "ascending" ? true : now === "descending" ? false
                  : header.getAttribute("data-type") === "number";
              sort(table, header.getAttribute("data-key"), descending);
            });
          });
        });

        each(document.querySelectorAll("input[data-filter]"), function (input) {
          var table = document.getElementById(input.getAttribute("data-filter"));
          var status = document.getElementById(input.getAttribute("data-status"));
          input.addEventListener("input", function () {
            var needle = input.value.trim().toLowerCase();
            var shown = 0;
            each(table.tBodies[0].rows, function (row) {
              var match = needle === "" || row.textContent.toLowerCase().indexOf(needle) >= 0;
              row.hidden = !match;
              if (match) { shown++; }
            });
            if (status) {
              status.textContent = needle === "" ? ""
                  : shown + " of " + table.tBodies[0].rows.length + " rows";
            }
          });
        });

        window.addEventListener("beforeprint", function () {
          each(document.querySelectorAll("details"), function (d) { d.open = true; });
        });

        function applyAddress() {
          var match = /^#sort=([A-Za-z0-9_-]+):([A-Za-z0-9_.-]+)(?::(asc|desc))?$/
              .exec(window.location.hash);
          if (!match) { return; }
          var table = document.getElementById(match[1]);
          if (table && table.classList.contains("sortable")) {
            sort(table, match[2], match[3] === "desc");
          }
        }
        window.addEventListener("hashchange", applyAddress);
        applyAddress();
        root.setAttribute("data-ready", "true");
      })();
      """;

  /** The content security policy: nothing but the two inline blocks above, nothing to load. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src '"
          + sha256(STYLE)
          + "'; script-src '"
          + sha256(SCRIPT)
          + "'; img-src data:; base-uri 'none'; form-action 'none'";

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
