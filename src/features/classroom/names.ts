import { joinList } from '../../lib/list-format';

/** Team names as a list in the UI language (`、` in Chinese): the one list helper, lib/list-format.ts. */
export const joinNames = joinList;
