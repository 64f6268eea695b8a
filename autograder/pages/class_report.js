// Sort the students table by a clicked header; filter its rows by the text typed.
(function () {
  const table = document.getElementById("students");
  const body = table.tBodies[0];
  const filter = document.getElementById("filter");
  const shown = document.getElementById("shown");
  function key(row, column) {
    const cell = row.cells[column];
    const value = cell.dataset.value;
    return value === undefined ? cell.textContent.trim().toLowerCase() : parseFloat(value);
  }
  table.tHead.querySelectorAll("th").forEach(function (header, column) {
    header.addEventListener("click", function () {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      table.tHead.querySelectorAll("th").forEach(function (other) {
        other.removeAttribute("aria-sort");
      });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const rows = Array.from(body.rows);
      rows.sort(function (a, b) {
        const x = key(a, column), y = key(b, column);
        const order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  filter.addEventListener("input", function () {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let count = 0;
    Array.from(body.rows).forEach(function (row) {
      const text = row.textContent.toLowerCase();
      const match = words.every(function (word) { return text.includes(word); });
      row.hidden = !match;
      count += match;
    });
    shown.textContent = count;
  });
})();
