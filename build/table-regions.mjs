// Tables wider than the screen scroll in a region of their own instead of the page (WCAG 1.4.10 reflow). The server
// wraps the tables it knows may be wide; this wraps any other that does not fit (now, or after the window narrows),
// each region named by its table's caption. A table that fits is left where it is, so nothing moves under the user's
// hands. A region takes keyboard focus only while it has something to scroll, so tables that fit are not tab stops.
// Copied into each theme's wwwroot/lib by build/frontend.mjs.
export function enhanceTables(root = document) {
  const regions = new Set(root.querySelectorAll("main .app-table-scroll, main .qa-scroll"));
  const wrapOverflowing = () => {
    for (const table of root.querySelectorAll("main table.govuk-table")) {
      if (table.closest(".app-table-scroll, .qa-scroll") || table.getBoundingClientRect().right <= table.closest("main").getBoundingClientRect().right + 1) continue;
      const region = document.createElement("div");
      region.className = "app-table-scroll";
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", table.caption?.textContent.trim() || "Table");
      table.replaceWith(region);
      region.append(table);
      regions.add(region);
    }
    for (const region of regions) {
      if (region.scrollWidth > region.clientWidth) region.setAttribute("tabindex", "0");
      else if (region !== document.activeElement) region.removeAttribute("tabindex");
    }
  };
  wrapOverflowing();
  addEventListener("resize", wrapOverflowing);
}
