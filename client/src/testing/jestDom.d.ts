// The DOM matchers the unit project installs (jest.config.ts), for the type checker.
import '@testing-library/jest-dom';
