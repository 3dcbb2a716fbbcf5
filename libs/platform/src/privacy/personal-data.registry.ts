import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * One context's part of a person's data (个人信息保护法: access and deletion). Each context that stores something about
 * a user registers a section in `onModuleInit`; identity's privacy service asks every section, so a context added later
 * is covered without identity knowing it (identity sits below most contexts and cannot import them).
 */
export interface PersonalDataSection {
  /** Key of the section in the download, e.g. `notifications`. */
  name: string;
  /** What this context holds about the user, JSON-compatible (no secrets: no password or token hashes). */
  collect(m: EntityManager, userId: string): Promise<unknown>;
  /**
   * Erase the user's personal data here (delete what is only theirs, pseudonymise what a business record of the
   * organisation needs), inside the deletion's transaction. Returns the rows touched, for the audit entry.
   */
  erase(m: EntityManager, userId: string): Promise<number>;
}

@Injectable()
export class PersonalDataRegistry {
  private readonly sections = new Map<string, PersonalDataSection>();

  register(section: PersonalDataSection): void {
    if (this.sections.has(section.name)) throw new Error(`personal-data section ${section.name} registered twice`);
    this.sections.set(section.name, section);
  }

  all(): PersonalDataSection[] {
    return [...this.sections.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
