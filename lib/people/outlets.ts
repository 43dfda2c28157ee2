/**
 * News agencies and outlets an article may cite, with the aliases the text uses. Small on
 * purpose: the shipped outlet data (another module) will replace the canonical names.
 */
export interface OutletName {
  name: string;
  aliases: readonly string[];
}

export const OUTLETS: readonly OutletName[] = [
  { name: 'AFP', aliases: ['AFP', 'Agence France-Presse', 'Agence France Presse'] },
  { name: 'Reuters', aliases: ['Reuters', 'Thomson Reuters'] },
  { name: 'Associated Press', aliases: ['AP', 'Associated Press', 'The Associated Press'] },
  { name: 'Kyodo News', aliases: ['Kyodo', 'Kyodo News'] },
  { name: 'Xinhua', aliases: ['Xinhua', 'Xinhua News Agency'] },
  { name: 'TASS', aliases: ['TASS', 'ITAR-TASS'] },
  { name: 'RIA Novosti', aliases: ['RIA Novosti', 'RIA'] },
  { name: 'IRNA', aliases: ['IRNA', 'Islamic Republic News Agency'] },
  { name: 'Yonhap', aliases: ['Yonhap'] },
  { name: 'ANSA', aliases: ['ANSA'] },
  { name: 'EFE', aliases: ['EFE'] },
  { name: 'dpa', aliases: ['dpa', 'DPA', 'Deutsche Presse-Agentur'] },
  { name: 'PTI', aliases: ['PTI', 'Press Trust of India'] },
  { name: 'ANI', aliases: ['ANI', 'Asian News International'] },
  { name: 'Bloomberg', aliases: ['Bloomberg', 'Bloomberg News'] },
  { name: 'BBC', aliases: ['BBC', 'BBC News'] },
  { name: 'CNN', aliases: ['CNN'] },
  { name: 'Al Jazeera', aliases: ['Al Jazeera', 'Al-Jazeera', 'Aljazeera'] },
  { name: 'Press TV', aliases: ['Press TV', 'PressTV'] },
  { name: 'NHK', aliases: ['NHK'] },
  { name: 'Fars', aliases: ['Fars'] },
  { name: 'Tasnim', aliases: ['Tasnim'] },
  { name: 'Anadolu Agency', aliases: ['Anadolu', 'Anadolu Agency'] },
  { name: 'WAFA', aliases: ['WAFA'] },
  { name: 'Sputnik', aliases: ['Sputnik'] },
  { name: 'RT', aliases: ['RT', 'Russia Today'] },
  { name: 'Getty Images', aliases: ['Getty Images', 'Getty'] },
  { name: 'EPA', aliases: ['EPA', 'European Pressphoto Agency'] },
  { name: 'The New York Times', aliases: ['The New York Times', 'New York Times'] },
  { name: 'The Washington Post', aliases: ['The Washington Post', 'Washington Post'] },
  { name: 'The Guardian', aliases: ['The Guardian'] },
  { name: 'Wall Street Journal', aliases: ['Wall Street Journal', 'The Wall Street Journal'] },
  { name: 'Fox News', aliases: ['Fox News'] },
  { name: 'NBC News', aliases: ['NBC', 'NBC News'] },
  { name: 'CBS News', aliases: ['CBS', 'CBS News'] },
  { name: 'ABC News', aliases: ['ABC News'] },
  { name: 'Wikinews', aliases: ['Wikinews'] },
];

/** Lower-cased aliases, used to keep outlets out of the people list. */
export const OUTLET_ALIASES: ReadonlySet<string> = new Set(
  OUTLETS.flatMap((o) => o.aliases.map((a) => a.toLowerCase())),
);

const byAlias = new Map(OUTLETS.flatMap((o) => o.aliases.map((a) => [a.toLowerCase(), o.name] as const)));

/** Canonical outlet name for an alias as written, or undefined. */
export function canonicalOutlet(alias: string): string | undefined {
  return byAlias.get(alias.toLowerCase());
}
