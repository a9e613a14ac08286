import { Allow } from 'class-validator';

/** The publish button of a year on the staff statistics page. */
export class PublishForm {
  @Allow() year?: string | string[];

  /** The year to publish; anything else is 0, which the service refuses by name. */
  toYear(): number {
    const year = Number(Array.isArray(this.year) ? this.year[0] : this.year);
    return Number.isInteger(year) ? year : 0;
  }
}
