/**
 * The shape of an inspection schedule definition (定期巡查): how often a house of each risk tier must be
 * inspected, how far ahead of its due day it is handed to an inspector, and how many houses one
 * inspector is given a day. Pure types: the domain, the workers and the UI import them.
 */
import type { RiskTier } from '../risk-tiers/types.ts';

export interface InspectionScheduleDefinition {
  version: number;
  name: string;
  /** Days from a house's last inspection to its next due day, by its risk tier. */
  intervalDays: Readonly<Record<RiskTier, number>>;
  /** A house is handed to its village's inspector this many days before its due day. */
  assignAheadDays: number;
  /**
   * Houses one inspector is given per day: what is still open from earlier days counts, so an
   * inspector never has more than this many waiting, nor gets more than this many in one day.
   */
  dailyCap: number;
}
