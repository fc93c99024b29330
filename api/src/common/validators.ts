import { Matches } from 'class-validator';

/** A Vietnamese phone number as people write it: 8 to 20 digits, spaces, dots and dashes allowed. */
export const IsPhone = () => Matches(/^\+?[\d .-]{8,20}$/, { message: 'phone must be 8 to 20 digits (spaces, dots and dashes allowed)' });
