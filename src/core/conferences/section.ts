/** The heading of a section of conferences ("Conférences", "Conférences à venir"), in a module of its own: the popup needs only this. */
export const CONFERENCE_SECTION = /^Conf[ée]rences\b/i;
