import type { ValueClass } from '../model/step.js';

/**
 * The words people write in their own spreadsheets, in the languages our locales cover: over a
 * column (a header the step-list import maps) and in a cell (yes or no, a cost mode). One table,
 * read by the import's header mapping (importHeaders.ts) and by the ledger's columns
 * (columns.ts), whose `parse` reads a typed, pasted or imported cell alike: a word the import
 * knows over a column is one the ledger's paste knows in it ("Stückkosten" over the unit cost,
 * and as the cost mode in a cell).
 */

/** A header or a cell's word as compared: lower case, letters and digits only ("Unit cost (USD)" → "unitcostusd"). */
export const wordKey = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The header without what is in brackets ("Unit cost (USD)" → "Unit cost"). */
export const withoutBrackets = (h: string) => h.replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ').trim();

/** The words people put over each column in their own spreadsheets, besides its label. */
export const headerAliases: Record<string, string[]> = {
  lane: [
    'lane',
    'swimlane',
    'swim lane',
    'role',
    'actor',
    'department',
    'team',
    'bereich',
    'abteilung',
    'rolle',
    'akteur',
    'schwimmbahn',
    'couloir',
    'rôle',
    'service',
    'acteur',
    'carril',
    'departamento',
    'área',
    'rol',
    'equipo',
  ],
  stage: ['stage', 'phase', 'step group', 'milestone', 'prozessphase', 'stufe', 'abschnitt', 'étape du parcours', 'fase', 'etapa'],
  title: [
    'step',
    'title',
    'activity',
    'process step',
    'task',
    'step name',
    'name',
    'action',
    'schritt',
    'prozessschritt',
    'arbeitsschritt',
    'tätigkeit',
    'aktivität',
    'aufgabe',
    'titel',
    'étape',
    'activité',
    'tâche',
    'paso',
    'actividad',
    'tarea',
    'título',
  ],
  owner: ['owner', 'responsible', 'owned by', 'person', 'zuständig', 'verantwortlich', 'verantwortlicher', 'responsable', 'propriétaire', 'dueño'],
  valueClass: ['value class', 'value', 'classification', 'value type', 'value category', 'wertklasse', 'wertschöpfung', 'klassifizierung', 'classe de valeur', 'clase de valor'],
  painPoint: ['pain point', 'pain', 'schmerzpunkt', 'point de douleur', 'punto de dolor'],
  failPoint: ['fail point', 'failure point', 'fehlerpunkt'],
  waitPoint: ['wait point', 'wartepunkt'],
  momentOfTruth: ['moment of truth', 'mot', 'moment der wahrheit'],
  volume: [
    'volume',
    'volume per year',
    'volume per month',
    'count',
    'occurrences',
    'frequency',
    'quantity',
    'qty',
    'cases',
    'number',
    'menge',
    'menge pro jahr',
    'jahresmenge',
    'anzahl',
    'anzahl pro jahr',
    'fälle pro jahr',
    'volumen pro jahr',
    'fallzahl',
    'fälle',
    'stückzahl',
    'häufigkeit',
    'volumen',
    'quantité',
    'nombre',
    'cantidad',
    'número',
  ],
  costMode: ['cost mode', 'costing', 'priced by', 'kostenart', 'kostenmodus', 'mode de coût', 'modo de coste'],
  unitCents: [
    'unit cost',
    'cost per unit',
    'cost per item',
    'cost per case',
    'unit price',
    'stückkosten',
    'kosten pro stück',
    'kosten pro fall',
    'einzelkosten',
    'stückpreis',
    'coût unitaire',
    'prix unitaire',
    'coste unitario',
    'costo unitario',
    'precio unitario',
  ],
  minutes: ['minutes', 'minutes per unit', 'handling time', 'effort minutes', 'time minutes', 'min', 'minuten', 'minuten pro fall', 'minuten pro stück', 'bearbeitungsminuten', 'minutos'],
  rateCents: ['hourly rate', 'rate', 'rate per hour', 'hourly cost', 'stundensatz', 'stundenlohn', 'kostensatz', 'taux horaire', 'tarifa por hora', 'tarifa horaria', 'coste por hora'],
  fixedCents: ['fixed cost', 'fixed', 'fixed costs', 'fixkosten', 'coût fixe', 'coûts fixes', 'coste fijo', 'costes fijos', 'costo fijo'],
  waitMinutes: ['wait', 'wait before', 'waiting', 'wait time', 'waiting time', 'queue time', 'delay', 'wartezeit', 'liegezeit', 'warten', 'attente', "temps d'attente", 'espera', 'tiempo de espera'],
  processMinutes: ['process time', 'processing time', 'work time', 'touch time', 'cycle time', 'bearbeitungszeit', 'prozesszeit', 'durchführungszeit', 'temps de traitement', 'tiempo de proceso'],
  firstTimeRight: ['first time right', 'ftr', 'first pass yield', 'right first time', 'first time right percent', 'erstlösungsquote', 'fehlerfrei', 'du premier coup', 'a la primera'],
};

/** Yes and no as people type them in a flag's cell (a pain point…); blank is no. */
export const yesWords = ['yes', 'y', 'true', '1', 'x', '✓', '✔', 'ja', 'oui', 'si', 'sí'];
export const noWords = ['', 'no', 'n', 'false', '0', '-', '–', '—', 'nein', 'non'];

/**
 * The words of each cost mode in a cell: its key and label, and the words of the columns that
 * mode is priced by (a unit cost's headers say "by the unit"; the minutes' and the hourly rate's
 * say "by the time"), so a German sheet's "Stückkosten" or "Minuten × Stundensatz" reads as
 * the import reads those words over a column. Compared as wordKey does.
 */
export const costModeWords: Record<'unit' | 'time', string[]> = {
  unit: ['unit', 'unit cost', 'per unit', 'stück', 'pro stück', 'unitaire', 'por unidad', ...headerAliases.unitCents],
  time: [
    'time',
    'minutes × hourly rate',
    'minutes x hourly rate',
    'minuten × stundensatz',
    'minuten x stundensatz',
    'zeit',
    'zeitbasiert',
    'minutes × taux horaire',
    'minutos × tarifa por hora',
    ...headerAliases.minutes,
    ...headerAliases.rateCents,
  ],
};

/**
 * The words of each value class in a cell, besides its label and key: what a Lean workshop writes
 * in its own sheet (PRIMER's value-adding, necessary but not value-adding, waste), in the languages
 * our locales cover, on every board (a German sheet pasted on an en-US board reads too). "Not
 * value-adding" alone is waste (Lean's non-value-adding); said with "necessary" it is necessary.
 * Compared as wordKey does, so case, hyphens, spaces and commas do not matter.
 */
export const valueClassWords: Record<ValueClass, string[]> = {
  unclassified: ['unclassified', 'not classified', 'unklassifiziert', 'nicht klassifiziert', 'non classé', 'sin clasificar'],
  'value-adding': [
    'value adding',
    'value added',
    'value add',
    'adds value',
    'va',
    'wertschöpfend',
    'wertschöpfung',
    'wertschaffend',
    'wertsteigernd',
    'nutzleistung',
    'valeur ajoutée',
    'à valeur ajoutée',
    'valor añadido',
    'valor agregado',
    'agrega valor',
  ],
  necessary: [
    'necessary but not value adding',
    'necessary non value adding',
    'nnva',
    'business value adding',
    'bva',
    'notwendig',
    'nötig',
    'erforderlich',
    'notwendig aber nicht wertschöpfend',
    'nicht wertschöpfend aber notwendig',
    'bedingt wertschöpfend',
    'notwendige verschwendung',
    'stützleistung',
    'nécessaire',
    'necesario',
    'necesaria',
  ],
  waste: [
    'non value adding',
    'not value adding',
    'nva',
    'muda',
    'verschwendung',
    'nicht wertschöpfend',
    'keine wertschöpfung',
    'blindleistung',
    'gaspillage',
    'sans valeur ajoutée',
    'desperdicio',
    'despilfarro',
    'sin valor añadido',
    'sin valor agregado',
  ],
};

/** The value classes as a board in each language's number format names them besides the English labels, in a refusal. */
export const valueClassWordsOf: Record<string, string> = {
  de: 'wertschöpfend, notwendig, Verschwendung',
  fr: 'valeur ajoutée, nécessaire, gaspillage',
  es: 'valor añadido, necesario, desperdicio',
};
