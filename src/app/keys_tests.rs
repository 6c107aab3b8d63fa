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
    for context in KeyContext::ALL {
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
    for context in KeyContext::ALL {
        let mut seen = Vec::new();
        for binding in bindings(context) {
            for code in binding.codes {
                assert!(!seen.contains(code), "{code:?} bound twice in {context:?}");
                seen.push(*code);
            }
        }
    }
}

#[test]
fn the_editor_takes_every_key_but_its_own() {
    let edit = |code| action_for(KeyContext::Editor, &press(code));
    assert!(matches!(edit(KeyCode::Char('?')), Some(Action::Edit(_))));
    assert!(matches!(edit(KeyCode::Char('q')), Some(Action::Edit(_))));
    assert!(matches!(edit(KeyCode::Enter), Some(Action::Edit(_))));
    assert_eq!(edit(KeyCode::Tab), Some(Action::NextHint));
    assert_eq!(edit(KeyCode::F(1)), Some(Action::Help));
    assert_eq!(edit(KeyCode::Esc), Some(Action::Back));
    let ctrl_d = Event::Key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
    assert_eq!(
        action_for(KeyContext::Editor, &ctrl_d),
        Some(Action::Submit)
    );
    let ctrl_a = Event::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL));
    assert!(matches!(
        action_for(KeyContext::Editor, &ctrl_a),
        Some(Action::Edit(_))
    ));
    assert_eq!(action_for(KeyContext::Lesson, &ctrl_a), None);
}

#[test]
fn self_grades_are_1_to_4_and_quiz_options_1_to_9() {
    assert_eq!(
        action_for(KeyContext::Interview, &press(KeyCode::Char('4'))),
        Some(Action::Pick(4))
    );
    assert_eq!(
        action_for(KeyContext::Interview, &press(KeyCode::Char('5'))),
        None
    );
    assert_eq!(
        action_for(KeyContext::Quiz, &press(KeyCode::Char('9'))),
        Some(Action::Pick(9))
    );
}
