// Reads a check's form, rendered at build time from the questionnaire data.
// The form itself works without any script; this only reads it.

/** The item fieldsets, in questionnaire order. */
export function items(form) {
  return [...form.querySelectorAll("fieldset[data-item]")];
}

function checkedInput(fieldset) {
  return fieldset.querySelector("input[type=radio]:checked");
}

/** Answers as the bridge expects them: {itemId: integer}, skipped items left out. */
export function collectAnswers(form) {
  const answers = {};
  for (const fieldset of items(form)) {
    const input = checkedInput(fieldset);
    if (input) answers[fieldset.dataset.item] = Number.parseInt(input.value, 10);
  }
  return answers;
}

/** The words of the chosen answer for an item (what the visitor saw), or null. */
export function answerLabel(form, itemId) {
  const fieldset = form.querySelector(`fieldset[data-item="${CSS.escape(itemId)}"]`);
  const input = fieldset && checkedInput(fieldset);
  return input ? input.closest("label").dataset.answerText || input.closest("label").textContent.trim() : null;
}

/** Every question with the visitor's answer (null when skipped), for the printed result. */
export function answerSheet(form) {
  return items(form).map((fieldset) => ({
    text: fieldset.querySelector("[data-item-text]").textContent.trim(),
    answer: answerLabel(form, fieldset.dataset.item),
  }));
}

export function countAnswered(form) {
  return items(form).filter(checkedInput).length;
}
