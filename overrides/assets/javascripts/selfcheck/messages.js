// Every word the self-check's scripts show, in one place to read and translate.
// Questionnaire text and interpretations come from the package's data instead.

export const messages = {
  engine: {
    idle: "",
    starting: "Preparing private scoring on this device…",
    ready: "Private scoring is ready. Your answers stay on this device.",
    failed: "Private scoring could not start in this browser.",
  },
  framed: {
    why:
      "This check is shown inside another website, so it does not run here. " +
      "Your answers are private only on this site's own page.",
    link: "Open the check on its own page",
  },
  progress: (answered, total) => `${answered} of ${total} answered`,
  waitingForEngine: "Almost there: your result will appear as soon as private scoring is ready.",
  noAnswers: "Answer at least one question to see a result. You can skip any question.",
  failure: {
    request: "Something went wrong while working out your result.",
    reason: (detail) => `What went wrong: ${detail}`,
    unreadable: "The private scoring gave an answer this page could not read.",
    tooSlow:
      "Private scoring took more than three minutes to get ready. The internet connection may be slow or interrupted.",
    requestTooSlow: "Private scoring stopped answering.",
    kept: "Your answers are still here on this page.",
    retry: "Try again",
    paper: "Use the paper version instead",
  },
  // By the bridge's error code. The page words these itself: some of the bridge's
  // messages ask the visitor to reload the page, which would lose their answers.
  scoringError: {
    heading: "We could not work out your result from these answers.",
    codes: {
      invalid_value: "One answer is not one of the choices for its question.",
      unknown_item: "One answer belongs to a question this check does not have.",
      unknown_questionnaire: "This copy of the site cannot score this check.",
      unknown_language: "This copy of the site cannot score this check in this language.",
      invalid_json: "This page sent your answers in a form the private scoring could not read.",
      invalid_request: "This page sent your answers in a form the private scoring could not read.",
      too_large: "This page sent more than the private scoring can read.",
      internal_error: "Something went wrong inside the private scoring.",
    },
    other: "Something went wrong inside the private scoring.",
    question: (number) => `Please look at question ${number} and choose its answer again.`,
  },
  result: {
    heading: "Your result",
    overall: "Overall",
    outOf100: (value) => `${value} out of 100`,
    overallNotScored:
      "There is no overall result, because some areas had too few answers. The areas you answered are below.",
    byArea: "By area",
    answered: (answered, total) => `${answered} of ${total} questions answered`,
    notScored: (answered, total, needed) =>
      `Not scored: you answered ${answered} of ${total} questions here, and at least ${needed} are needed.`,
    chartTitle: "Scores by area, from 0 to 100",
    chartDescription: "A bar for each area. Longer bars mean a stronger result. The same numbers are in the table below.",
    tableCaption: "Scores by area (0 to 100)",
    tableArea: "Area",
    tableScore: "Score out of 100",
    tableAnswered: "Questions answered",
    notScoredCell: "Not scored",
    bordinHeading: "Another view: bond, goals and tasks",
    bordinIntro:
      "Researchers often describe the relationship in three parts: the bond between you, agreement on goals, and agreement on the ways you work.",
    flaggedHeading: "Answers worth a closer look",
    flaggedIntro: "These answers were on the lower side. Single answers like these are often the most useful to talk about.",
    youAnswered: (label) => `You answered: ${label}`,
    noFlagged: "None of your answers were on the lower side.",
    startersHeading: (area) => `Things you could say about ${area.toLowerCase()}`,
    readMore: (area) => `Read more about ${area.toLowerCase()}`,
    safetyHeading: "Your safety matters",
    safetyLink: "Get help now",
    notDiagnosis:
      "This is a reflection tool, not a diagnosis or a validated clinical measure. A lower result is something to talk about, not a verdict on you or your therapist.",
    repairLink: "Read about strains and repair",
    talkLink: "How to talk with your therapist about this",
    answersHeading: "Your answers",
    skipped: "Skipped",
    print: "Print or save as PDF",
    change: "Change my answers",
    clear: "Clear everything",
    cleared: "Everything is cleared. Nothing was kept.",
  },
};
