export type { BlockService, ConditionValue, Effect, ReadResult, VisualCondition, VisualPolicy, VisualStatement } from "./model";
export { blockService, sameStatement } from "./model";
export { fromDocument } from "./read";
export { toDocument, statementObject } from "./write";
export { addCondition, addStatement, removeCondition, removeStatement, toggleAction, updateStatement } from "./edit";
