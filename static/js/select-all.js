/* "Select all on this page" for a form's list of checkboxes (the applicant list in
   the admin).

   A checkbox with data-select-all="<name>" ticks or clears every checkbox of that
   name in its form, and shows whether all, some or none are ticked. The control is
   rendered hidden (its label carries the hidden attribute); this script shows it,
   so without JavaScript nobody sees a box that does nothing and the boxes still
   work one by one. */
(function () {
  "use strict";

  function boxesOf(control) {
    var name = control.dataset.selectAll;
    return Array.prototype.filter.call(control.form.elements, function (element) {
      return element.type === "checkbox" && element.name === name;
    });
  }

  function reflect(control) {
    var boxes = boxesOf(control);
    var ticked = boxes.filter(function (box) {
      return box.checked;
    }).length;
    control.checked = boxes.length > 0 && ticked === boxes.length;
    control.indeterminate = ticked > 0 && ticked < boxes.length;
  }

  function enhance(control) {
    if (!control.form) {
      return;
    }
    control.addEventListener("change", function () {
      boxesOf(control).forEach(function (box) {
        box.checked = control.checked;
      });
    });
    control.form.addEventListener("change", function (event) {
      if (event.target.name === control.dataset.selectAll) {
        reflect(control);
      }
    });
    reflect(control);
    var label = control.closest("label[hidden]");
    if (label) {
      label.hidden = false;
    }
  }

  document.querySelectorAll("input[type=checkbox][data-select-all]").forEach(enhance);
})();
