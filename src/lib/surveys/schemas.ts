export const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'scale_5', 'nps', 'short_text', 'long_text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type SurveyOption = { value: string; label: string };

export type SurveyQuestion = {
  id: string;
  type: QuestionType;
  label: string;
  help: string | null;
  required: boolean;
  section: string | null;
  options: SurveyOption[];
  maxLength: number | null;
};

/** `scheduled`: not open yet; `closed`: closed by staff or past its closing date. */
export type SurveyStatus = 'open' | 'closed' | 'scheduled';

export type SurveySummary = {
  slug: string;
  title: string;
  description: string;
  planActivity: string;
  status: SurveyStatus;
  opensAt: string | null;
  closesAt: string | null;
};

export type SurveyDefinition = SurveySummary & {
  consent: { version: string; purpose: string; text: string };
  questions: SurveyQuestion[];
};

export type SurveyChannel = 'web' | 'phone' | 'social';
