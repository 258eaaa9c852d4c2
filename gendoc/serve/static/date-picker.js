/* gendoc serve: a calendar beside a date typed as dd/mm/yyyy.
   The text field (name="ngay" …) is what the form sends, always day/month/year whatever the
   browser's language; the calendar (input type=date, no name, data-fills="ID") only fills it.
   A file of its own: the Content-Security-Policy allows no inline script. */
document.addEventListener("change", function (event) {
  var picker = event.target;
  if (!picker.matches || !picker.matches("input[type=date][data-fills]")) {
    return;
  }
  var target = document.getElementById(picker.getAttribute("data-fills"));
  var parts = picker.value.split("-");
  if (target && parts.length === 3) {
    target.value = parts[2] + "/" + parts[1] + "/" + parts[0];
  }
});
