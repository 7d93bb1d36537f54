import type { TemplateId } from './board.js';

// The grids each new session can start from. Rows come from ../shared/domain/PRIMER.md:
// value chain (Porter), service blueprint (Shostack/Bitner), customer journey.
export interface TemplateStep {
  title: string;
  lane: number;
  stage: number;
  valueClass?: 'value-adding' | 'necessary' | 'waste';
  painPoint?: boolean;
  waitPoint?: boolean;
}
export interface TemplateLine {
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
  stages: string[];
  steps: TemplateStep[];
}

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
      { title: 'Fills in web form', lane: 0, stage: 0, valueClass: 'value-adding' },
      { title: 'Lead lands in CRM queue', lane: 2, stage: 0, valueClass: 'necessary' },
      { title: 'CRM', lane: 3, stage: 0 },
      { title: 'Waits, then calls', lane: 0, stage: 1, valueClass: 'waste', waitPoint: true },
      { title: 'Call-centre agent answers “where is my info?”', lane: 1, stage: 1, valueClass: 'waste', painPoint: true },
      { title: 'Telephony', lane: 3, stage: 1 },
      { title: 'Receives brochure after 4 weeks', lane: 0, stage: 2, waitPoint: true },
      { title: 'Sales rep qualifies lead, posts brochure', lane: 2, stage: 2, valueClass: 'necessary' },
      { title: 'CRM, print shop', lane: 3, stage: 2 },
      { title: 'Compares offers', lane: 0, stage: 3, valueClass: 'value-adding' },
      { title: 'Sales call', lane: 1, stage: 3, valueClass: 'value-adding' },
      { title: 'SFA', lane: 3, stage: 3 },
    ],
  },
};
