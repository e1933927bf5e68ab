import type { SurveySettings } from '../../../../shared/schemas/survey';

/** The settings form as typed: numbers and the address are text until they are sent. */
export interface SurveySettingsDraft {
  csatOnSolve: boolean;
  npsCadenceDays: string;
  expiryDays: string;
  publicUrl: string;
}

export function settingsDraft(s: SurveySettings): SurveySettingsDraft {
  return { csatOnSolve: s.csatOnSolve, npsCadenceDays: String(s.npsCadenceDays), expiryDays: String(s.expiryDays), publicUrl: s.publicUrl ?? '' };
}

/** Blank or not a number → NaN (sent as null): the server refuses it on the field, as it does a range. */
function days(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** What `surveys.saveSettings` receives: the server validates every field (range, integer, http(s) URL). */
export function settingsInput(d: SurveySettingsDraft): SurveySettings {
  const url = d.publicUrl.trim();
  return { csatOnSolve: d.csatOnSolve, npsCadenceDays: days(d.npsCadenceDays), expiryDays: days(d.expiryDays), publicUrl: url === '' ? null : url };
}

export function sameDraft(a: SurveySettingsDraft, b: SurveySettingsDraft): boolean {
  return a.csatOnSolve === b.csatOnSolve && a.npsCadenceDays.trim() === b.npsCadenceDays.trim() && a.expiryDays.trim() === b.expiryDays.trim() && a.publicUrl.trim() === b.publicUrl.trim();
}
