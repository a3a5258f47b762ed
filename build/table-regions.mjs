// Tables wider than the screen scroll in a region of their own instead of the page (WCAG 1.4.10 reflow). The server
// wraps the tables it knows are wide; this wraps the rest, each region named by its table's caption. A region takes
// keyboard focus only while it has something to scroll, so a page of tables that fit is not a page of tab stops.
// Copied into each theme's wwwroot/lib by build/frontend.mjs.
export function enhanceTables(root = document) {
  const regions = [];
  for (const table of root.querySelectorAll("main table.govuk-table")) {
    let region = table.closest(".app-table-scroll, .qa-scroll");
    if (!region) {
      region = document.createElement("div");
      region.className = "app-table-scroll";
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", table.caption?.textContent.trim() || "Table");
      table.replaceWith(region);
      region.append(table);
    }
    regions.push(region);
  }
  const focusableWhenScrolling = () => {
    for (const region of regions) {
      if (region.scrollWidth > region.clientWidth) region.setAttribute("tabindex", "0");
      else if (region !== document.activeElement) region.removeAttribute("tabindex");
    }
  };
  focusableWhenScrolling();
  addEventListener("resize", focusableWhenScrolling);
}
