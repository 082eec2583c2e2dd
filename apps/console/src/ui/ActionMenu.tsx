import { Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { Button } from './Button';
import './menu.css';

export interface ActionMenuItem<K extends string> {
  id: K;
  label: string;
  isDisabled?: boolean;
  tone?: 'danger';
}

export interface ActionMenuProps<K extends string> {
  /** Accessible name of the trigger, e.g. "Actions for jdoe". */
  label: string;
  items: readonly ActionMenuItem<K>[];
  onAction: (id: K) => void;
}

/** A "…" button opening a keyboard-navigable menu of row actions. */
export function ActionMenu<K extends string>({ label, items, onAction }: ActionMenuProps<K>) {
  return (
    <MenuTrigger>
      <Button variant="quiet" size="sm" aria-label={label} className="action-menu-trigger">
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="3" cy="8" r="1.4" fill="currentColor" />
          <circle cx="8" cy="8" r="1.4" fill="currentColor" />
          <circle cx="13" cy="8" r="1.4" fill="currentColor" />
        </svg>
      </Button>
      <Popover placement="bottom end" className="menu-popover">
        <Menu
          className="menu"
          disabledKeys={items.filter((item) => item.isDisabled).map((item) => item.id)}
          onAction={(key) => onAction(String(key) as K)}
        >
          {items.map((item) => (
            <MenuItem key={item.id} id={item.id} className={`menu-item${item.tone ? ` menu-item-${item.tone}` : ''}`}>
              {item.label}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
