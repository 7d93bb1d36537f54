import { addNote } from './addNote.js';
import { deleteElements } from './deleteElements.js';
import { initBoard } from './initBoard.js';
import { moveElements } from './moveElements.js';
import { setNoteText } from './setNoteText.js';

/** Every user operation, by name. Dispatchers look operations up here and nowhere else. */
export const operations = { initBoard, addNote, moveElements, setNoteText, deleteElements } as const;
export type Operations = typeof operations;
