import { Injectable } from '@nestjs/common';

/** Injectable time, so deadlines, reminders and expiries can be tested by moving the clock. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests set and advance by hand. */
export class MovableClock extends Clock {
  private current: Date;
  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start);
  }
  override now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
