use super::*;

fn press(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn arrows_and_vim_keys_agree() {
    for context in [KeyContext::Home, KeyContext::Lesson, KeyContext::Lab] {
        assert_eq!(
            action_for(context, &press(KeyCode::Down)),
            action_for(context, &press(KeyCode::Char('j')))
        );
        assert_eq!(
            action_for(context, &press(KeyCode::Up)),
            action_for(context, &press(KeyCode::Char('k')))
        );
    }
}

#[test]
fn ctrl_c_quits_everywhere_and_releases_are_ignored() {
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    for context in [
        KeyContext::Home,
        KeyContext::Topic,
        KeyContext::Lesson,
        KeyContext::Lab,
        KeyContext::Typing,
        KeyContext::Help,
    ] {
        assert_eq!(action_for(context, &ctrl_c), Some(Action::Quit));
    }
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(action_for(KeyContext::Lesson, &Event::Key(release)), None);
}

#[test]
fn letters_are_typed_in_answers_but_esc_goes_back() {
    assert_eq!(
        action_for(KeyContext::Typing, &press(KeyCode::Char('q'))),
        Some(Action::Type('q'))
    );
    assert_eq!(
        action_for(KeyContext::Typing, &press(KeyCode::Char('/'))),
        Some(Action::Type('/'))
    );
    assert_eq!(
        action_for(KeyContext::Typing, &press(KeyCode::Esc)),
        Some(Action::Back)
    );
    assert_eq!(
        action_for(KeyContext::Typing, &press(KeyCode::Enter)),
        Some(Action::Submit)
    );
}

#[test]
fn shifted_letters_still_match() {
    let shift_g = Event::Key(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
    assert_eq!(
        action_for(KeyContext::Lesson, &shift_g),
        Some(Action::Bottom)
    );
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for context in [
        KeyContext::Home,
        KeyContext::Topic,
        KeyContext::Lesson,
        KeyContext::Lab,
        KeyContext::Typing,
        KeyContext::Help,
    ] {
        let mut seen = Vec::new();
        for binding in bindings(context) {
            for code in binding.codes {
                assert!(!seen.contains(code), "{code:?} bound twice in {context:?}");
                seen.push(*code);
            }
        }
    }
}
