use super::*;

fn press(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

const READING: Keymap = Keymap::new("Reading", &[SCROLL, FIND, BACK]);
const MENU: Keymap = Keymap::new("Menu", &[LIST, FIND, BACK]);
const TYPING: Keymap = Keymap::new("Typing", &[CHECK, TYPED_ANSWER]).unbound(Unbound::Type);
const PICKING: Keymap = Keymap::new("Picking", &[BACK]).unbound(Unbound::Pick(4));
#[rustfmt::skip]
const EDITOR_KEYS: &[Binding] = &[
    bind(&[KeyCode::Tab], "Tab", "show the next hint", Action::NextHint),
    bind(&[KeyCode::F(1)], "F1", "this help", Action::Help),
    bind(&[KeyCode::Esc], "Esc", "back", Action::Back),
];
const EDITING: Keymap = Keymap::new("Editing", &[EDITOR_KEYS]).unbound(Unbound::Edit);
const ALL: [Keymap; 6] = [READING, MENU, TYPING, PICKING, EDITING, HELP_KEYMAP];

#[test]
fn arrows_and_vim_keys_agree() {
    for keymap in [READING, MENU] {
        assert_eq!(
            action_for(&keymap, &press(KeyCode::Down)),
            action_for(&keymap, &press(KeyCode::Char('j')))
        );
        assert_eq!(
            action_for(&keymap, &press(KeyCode::Up)),
            action_for(&keymap, &press(KeyCode::Char('k')))
        );
    }
}

#[test]
fn ctrl_c_quits_everywhere_and_releases_are_ignored() {
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    for keymap in ALL {
        assert_eq!(action_for(&keymap, &ctrl_c), Some(Action::Quit));
    }
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(action_for(&READING, &Event::Key(release)), None);
}

#[test]
fn letters_are_typed_in_answers_but_esc_goes_back() {
    let typed = |code| action_for(&TYPING, &press(code));
    assert_eq!(typed(KeyCode::Char('q')), Some(Action::Type('q')));
    assert_eq!(typed(KeyCode::Char('/')), Some(Action::Type('/')));
    assert_eq!(typed(KeyCode::Esc), Some(Action::Back));
    assert_eq!(typed(KeyCode::Enter), Some(Action::Submit));
}

#[test]
fn shifted_letters_still_match() {
    let shift_g = Event::Key(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
    assert_eq!(action_for(&READING, &shift_g), Some(Action::Bottom));
}

#[test]
fn the_shared_tables_bind_no_key_twice() {
    for keymap in ALL {
        let mut seen = Vec::new();
        for binding in keymap.bindings() {
            for code in binding.codes {
                assert!(
                    !seen.contains(code),
                    "{code:?} bound twice in {}",
                    keymap.title
                );
                seen.push(*code);
            }
        }
    }
}

#[test]
fn the_editor_takes_every_key_but_its_own() {
    let edit = |code| action_for(&EDITING, &press(code));
    assert!(matches!(edit(KeyCode::Char('?')), Some(Action::Edit(_))));
    assert!(matches!(edit(KeyCode::Char('q')), Some(Action::Edit(_))));
    assert!(matches!(edit(KeyCode::Enter), Some(Action::Edit(_))));
    assert_eq!(edit(KeyCode::Tab), Some(Action::NextHint));
    assert_eq!(edit(KeyCode::F(1)), Some(Action::Help));
    assert_eq!(edit(KeyCode::Esc), Some(Action::Back));
    let ctrl_d = Event::Key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
    assert_eq!(action_for(&EDITING, &ctrl_d), Some(Action::Submit));
    let ctrl_a = Event::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL));
    assert!(matches!(
        action_for(&EDITING, &ctrl_a),
        Some(Action::Edit(_))
    ));
    assert_eq!(action_for(&READING, &ctrl_a), None);
}

#[test]
fn digits_pick_up_to_the_keymaps_limit() {
    assert_eq!(
        action_for(&PICKING, &press(KeyCode::Char('4'))),
        Some(Action::Pick(4))
    );
    assert_eq!(action_for(&PICKING, &press(KeyCode::Char('5'))), None);
}

#[test]
fn hints_come_from_the_tables_each_once() {
    assert_eq!(READING.hints(), vec!["/ search", "? help", "q back"]);
    assert_eq!(
        MENU.hints(),
        vec!["↑↓ choose", "Enter open", "/ search", "? help", "q back"]
    );
}
