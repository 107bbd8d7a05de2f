import type { ComponentPropsWithRef, MouseEvent } from 'react';
import styles from './button.module.css';
import { cx } from './class-names';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'gentleWarning';

/** The button look, for links that act as the main step on a page. */
export function buttonClass(variant: ButtonVariant = 'primary'): string {
  return cx(styles.button, styles[variant]);
}

/** Lays buttons out in a row that wraps on a narrow screen. */
export const buttonRowClass: string = styles.row ?? '';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  /**
   * While true the button ignores presses but keeps its focus (a `disabled` button would drop
   * focus to the page, and a keyboard user would lose their place).
   */
  pending?: boolean;
}

export function Button({
  variant = 'primary',
  className,
  type = 'button',
  pending = false,
  onClick,
  ...rest
}: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      type={type}
      className={cx(buttonClass(variant), className)}
      aria-disabled={pending || undefined}
      onClick={handleClick}
      {...rest}
    />
  );
}
