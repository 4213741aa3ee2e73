export const QUESTION_TYPES = [
  'single_choice',
  'multiple_choice',
  'scale_5',
  'nps',
  'matrix',
  'number',
  'date',
  'short_text',
  'long_text',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Names staff read in the builder. */
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single_choice: 'Selección única',
  multiple_choice: 'Selección múltiple',
  scale_5: 'Escala de 1 a 5',
  nps: 'Recomendación de 0 a 10 (NPS)',
  matrix: 'Matriz (varias filas con las mismas opciones)',
  number: 'Número',
  date: 'Fecha',
  short_text: 'Texto corto',
  long_text: 'Texto largo',
};

/** Types whose answer can show a later question (conditional display). */
export const CONDITION_SOURCE_TYPES = ['single_choice', 'multiple_choice', 'scale_5', 'nps'] as const satisfies readonly QuestionType[];

/** The value of the "Otro, ¿cuál?" option; its words travel as `answers.<key>__otro`. */
export const OTHER_VALUE = 'otro';
export const OTHER_SUFFIX = '__otro';
export const OTHER_MAX_LENGTH = 200;

export type SurveyOption = { value: string; label: string };
export type SurveyItem = { key: string; label: string };

/** Show the question only when the earlier answer to `question` is one of `anyOf` (numbers as text). */
export type QuestionCondition = { question: string; anyOf: string[] };

export type SurveyQuestion = {
  id: string;
  type: QuestionType;
  label: string;
  help: string | null;
  required: boolean;
  section: string | null;
  /** Choice options, or the columns of a matrix (with `otro` last when allowOther); [] otherwise. */
  options: SurveyOption[];
  /** Rows of a matrix; [] otherwise. */
  items: SurveyItem[];
  /** number: bounds of the value; multiple_choice: fewest/most selections; null otherwise. */
  min: number | null;
  max: number | null;
  allowOther: boolean;
  condition: QuestionCondition | null;
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

/** Networks a shared link may name in `?utm_source=`; 2.2's `redes_sigue` options use the same values. */
export const SOCIAL_SOURCES = ['facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube'] as const;
export type SocialSource = (typeof SOCIAL_SOURCES)[number];
export const isSocialSource = (value: unknown): value is SocialSource =>
  typeof value === 'string' && (SOCIAL_SOURCES as readonly string[]).includes(value);
