// Escape closes a flag's tooltip by moving focus back to the page, so a
// keyboard user can read past it.
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && document.activeElement && document.activeElement.matches("mark.flag")) {
    document.activeElement.blur();
  }
});
