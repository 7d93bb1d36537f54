import { addNote, addStep, addText } from './addCard.js';
import { addConnector } from './addConnector.js';
import { addNextCard } from './addNextCard.js';
import { addFrame, addLine } from './addStructure.js';
import { alignElements, distributeElements, reorderElements } from './arrange.js';
import { addBand, deleteBand, moveBand, resizeBand } from './bands.js';
import { duplicateElements, pasteElements } from './clipboard.js';
import { addScenario, deleteScenario, renameScenario, setBoardSettings, setOverride, setStepCost } from './costs.js';
import { deleteElements } from './deleteElements.js';
import { importSteps } from './importSteps.js';
import { editCells } from './editCells.js';
import { initBoard } from './initBoard.js';
import { moveElements } from './moveElements.js';
import { pasteLines } from './pasteLines.js';
import { renameSession } from './renameSession.js';
import { setScenarioPrice } from './scenarioPrice.js';
import { setElementText } from './setElementText.js';
import { setGridLocked, setPresenter, setTimer, summonEveryone } from './facilitation.js';
import { transformElements } from './transformElements.js';
import type { OperationName } from './types.js';
import { setLocked, updateElements } from './updateElements.js';

/** Every user operation, by name. Dispatchers look operations up here and nowhere else. */
export const operations = {
  initBoard,
  addStep,
  addNote,
  addText,
  addConnector,
  addNextCard,
  addLine,
  addFrame,
  addBand,
  resizeBand,
  moveBand,
  deleteBand,
  moveElements,
  transformElements,
  setElementText,
  updateElements,
  setLocked,
  alignElements,
  distributeElements,
  reorderElements,
  duplicateElements,
  pasteElements,
  pasteLines,
  importSteps,
  deleteElements,
  setStepCost,
  editCells,
  setBoardSettings,
  addScenario,
  renameScenario,
  deleteScenario,
  setOverride,
  setScenarioPrice,
  setTimer,
  summonEveryone,
  setGridLocked,
  setPresenter,
  renameSession,
} as const satisfies Record<OperationName, unknown>;
export type Operations = typeof operations;
