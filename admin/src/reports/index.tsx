/** The program reports page, at #/reports (being built). */
export const ProgramReports = () => null;
