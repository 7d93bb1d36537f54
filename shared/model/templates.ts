import type { TemplateId } from './board.js';
import type { DurationUnit } from './duration.js';

/** A duration as the sample's cards show it: an amount in the unit people would type. */
export type TemplateDuration = readonly [amount: number, unit: DurationUnit];

// The grids each new session can start from. Rows come from ../shared/domain/PRIMER.md:
// value chain (Porter), service blueprint (Shostack/Bitner), customer journey.
interface TemplateStep {
  title: string;
  lane: number;
  stage: number;
  valueClass?: 'value-adding' | 'necessary' | 'waste';
  painPoint?: boolean;
  waitPoint?: boolean;
  /** occurrences per year and unit cost in cents (primer's table) */
  volume?: number;
  unitCents?: number;
  /** fixed cost per period in cents */
  fixedCents?: number;
  owner?: string;
  notes?: string;
  /** wait before the step and its process time; first time right as a share (0.9 = 90 %) */
  wait?: TemplateDuration;
  process?: TemplateDuration;
  firstTimeRight?: number;
}

interface TemplateScenario {
  name: string;
  /** indexes (into steps) of the steps the scenario removes */
  removes: number[];
  /** new times for steps, by index (into steps) */
  times?: Record<number, { wait?: TemplateDuration; process?: TemplateDuration; firstTimeRight?: number }>;
  /** what the change costs: investment and running cost in cents (running per the board's period) */
  price?: { investmentCents: number; runningCents: number };
}
interface TemplateLine {
  style: 'interaction' | 'visibility' | 'internal';
  /** index of the lane whose bottom edge the line sits on */
  afterLane: number;
}
export interface Template {
  id: TemplateId;
  label: string;
  description: string;
  lanes: string[];
  /** index of the lane that draws the emotion curve, if any */
  emotionLane?: number;
  lines?: TemplateLine[];
  scenarios?: TemplateScenario[];
  stages: string[];
  steps: TemplateStep[];
}

/** A support system on the sample: priced and timed inside the steps that use it (see the sample's figures below). */
const usedByTheStepsAbove: Partial<TemplateStep> = {
  fixedCents: 0,
  wait: [0, 'minutes'],
  process: [0, 'minutes'],
  notes: 'A system the steps above use: its cost is in their unit costs and it takes no time of its own.',
};

export const templates: Record<TemplateId, Template> = {
  blank: {
    id: 'blank',
    label: 'Blank brown paper',
    description: 'An empty sheet: add lanes, stages and cards as you go.',
    lanes: [],
    stages: [],
    steps: [],
  },
  'value-chain': {
    id: 'value-chain',
    label: 'Value chain',
    description: 'Primary activities in one row, supporting activities below.',
    lanes: ['Primary activities', 'Firm infrastructure', 'Human resources', 'Technology', 'Procurement'],
    stages: ['Inbound logistics', 'Operations', 'Outbound logistics', 'Marketing & sales', 'Service'],
    steps: [],
  },
  'service-blueprint': {
    id: 'service-blueprint',
    label: 'Service blueprint',
    description: 'Physical evidence, customer actions, frontstage, backstage and support over time.',
    lanes: ['Physical evidence', 'Customer actions', 'Frontstage', 'Backstage', 'Support processes'],
    stages: ['Stage 1', 'Stage 2', 'Stage 3', 'Stage 4'],
    lines: [
      { style: 'interaction', afterLane: 1 },
      { style: 'visibility', afterLane: 2 },
      { style: 'internal', afterLane: 3 },
    ],
    steps: [],
  },
  'customer-journey': {
    id: 'customer-journey',
    label: 'Customer journey',
    description: 'Stages of the journey against goals, touchpoints, channels, emotions and opportunities.',
    lanes: ['Goals & actions', 'Touchpoints', 'Channels', 'Emotions', 'Pain points', 'Opportunities'],
    emotionLane: 3,
    stages: ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Service', 'Loyalty'],
    steps: [],
  },
  'sample-info-request': {
    id: 'sample-info-request',
    label: 'Sample: Product information request',
    description: 'The primer’s service blueprint: a customer asks for product information and waits four weeks.',
    lanes: ['Customer actions', 'Frontstage', 'Backstage', 'Support processes'],
    stages: ['Ask', 'Wait', 'Follow-up', 'Decide'],
    lines: [
      { style: 'interaction', afterLane: 0 },
      { style: 'visibility', afterLane: 1 },
      { style: 'internal', afterLane: 2 },
    ],
    steps: [
      // Costs from the primer's table, per year: 16,000 + 600,000 + 500,000 + 360,000 = 1,476,000.
      // Customer actions cost the company nothing (explicit zero). The support systems (CRM,
      // telephony, print shop, SFA) are what the steps above them use: the primer's table prices
      // each stage once, so their cost is inside those steps' unit costs ($6.00 a call includes
      // the telephony) and they take no time of their own. They say so (a fixed cost of zero,
      // no wait, no process time, and a note), rather than count as "4 missing" beside a total
      // the primer calls complete and a lead time it calls 28 days, not "at least".
      // Times: plausible figures chosen for the sample, not measured. Lanes of one stage run side
      // by side, so the customer's lane carries what the customer lives through: two weeks before
      // calling, two more before the brochure arrives (the rep's queue, then the post) — 28 days
      // from the form to the brochure. The first-time-right shares sit where the primer's money
      // is not touched (the customer's form; the automatic import), so its totals stay as it
      // checks them; the costed steps are left for the team to measure (rework unknown, not zero).
      { title: 'Fills in web form', lane: 0, stage: 0, valueClass: 'value-adding', volume: 40_000, unitCents: 0, wait: [0, 'minutes'], process: [10, 'minutes'], firstTimeRight: 0.85 },
      {
        title: 'Lead lands in CRM queue',
        lane: 2,
        stage: 0,
        valueClass: 'necessary',
        volume: 40_000,
        unitCents: 40,
        owner: 'Marketing ops',
        wait: [0, 'minutes'],
        process: [1, 'hours'],
        firstTimeRight: 1,
      },
      { title: 'CRM', lane: 3, stage: 0, ...usedByTheStepsAbove },
      { title: 'Waits, then calls', lane: 0, stage: 1, valueClass: 'waste', waitPoint: true, volume: 100_000, unitCents: 0, wait: [2, 'weeks'], process: [15, 'minutes'] },
      {
        title: 'Call-centre agent answers “where is my info?”',
        lane: 1,
        stage: 1,
        valueClass: 'waste',
        painPoint: true,
        volume: 100_000,
        unitCents: 600,
        owner: 'Customer service',
        wait: [10, 'minutes'],
        process: [6, 'minutes'],
      },
      { title: 'Telephony', lane: 3, stage: 1, ...usedByTheStepsAbove },
      { title: 'Receives brochure after 4 weeks', lane: 0, stage: 2, waitPoint: true, volume: 40_000, unitCents: 0, wait: [14, 'days'], process: [5, 'minutes'] },
      { title: 'Sales rep qualifies lead, posts brochure', lane: 2, stage: 2, valueClass: 'necessary', volume: 40_000, unitCents: 1250, owner: 'Sales', wait: [10, 'days'], process: [45, 'minutes'] },
      { title: 'CRM, print shop', lane: 3, stage: 2, ...usedByTheStepsAbove },
      { title: 'Compares offers', lane: 0, stage: 3, valueClass: 'value-adding', volume: 8_000, unitCents: 0, wait: [2, 'days'], process: [3, 'hours'] },
      { title: 'Sales call', lane: 1, stage: 3, valueClass: 'value-adding', volume: 8_000, unitCents: 4500, owner: 'Sales', wait: [5, 'days'], process: [1, 'hours'] },
      { title: 'SFA', lane: 3, stage: 3, ...usedByTheStepsAbove },
    ],
    // The to-be: information within two days, so nobody calls to ask where it is. The rep
    // qualifies the lead the next day and e-mails the brochure: form to brochure in two days.
    scenarios: [
      {
        name: 'To-be: brochure in 2 days',
        removes: [3, 4],
        times: { 6: { wait: [2, 'days'] }, 7: { wait: [1, 'days'], process: [30, 'minutes'] } },
        // A plausible price for the sample (not the primer's): a self-service page and its upkeep,
        // $150,000 once and $24,000 a year against the $600,000 it saves — paid back in 3.1 months.
        price: { investmentCents: 15_000_000, runningCents: 2_400_000 },
      },
    ],
  },
};
