//! The second line of defence against hostile content. The loader sanitizes each file's raw text,
//! but parsing can make control characters anew: a RON string escape (`"\u{1b}[2J"`) and a
//! markdown character reference (`&#27;`) both decode to ESC. So every string of the loaded
//! course is sanitized once more. The patterns destructure every struct in full, so a new field
//! fails to compile here until someone decides whether it is prose to clean.

use super::debug_scenario::{DebugAction, DebugCause, DebugFix, DebugOutput, DebugScenario};
use super::markdown::{Block, Cell, Inline};
use super::model::{
    Course, Document, InterviewItem, KeyPoint, Lab, Lesson, Question, QuestionKind, Step, StepFile,
    Topic,
};
use super::scenario::NetpolScenario;
use crate::inert::{is_inert, sanitize};

fn clean(text: &mut String) {
    // All of an honest course is inert already: then nothing is copied.
    if !is_inert(text) {
        *text = sanitize(text);
    }
}

fn clean_all<'a>(texts: impl IntoIterator<Item = &'a mut String>) {
    texts.into_iter().for_each(clean);
}

/// Removes escape sequences and control characters from every prose string of the course. Ids
/// and references are left alone: the loader has already checked they are plain.
pub fn make_inert(course: &mut Course) {
    let Course {
        id: _,
        title,
        summary,
        topics,
    } = course;
    clean_all([title, summary]);
    topics.iter_mut().for_each(topic);
}

fn topic(topic: &mut Topic) {
    let Topic {
        id: _,
        title,
        summary,
        lessons,
        labs,
        questions,
        interview,
        netpol,
        debug,
    } = topic;
    clean_all([title, summary]);
    netpol.iter_mut().for_each(scenario);
    debug.iter_mut().for_each(debug_scenario);
    lessons.iter_mut().for_each(lesson);
    labs.iter_mut().for_each(lab);
    questions.iter_mut().for_each(question);
    interview.iter_mut().for_each(interview_item);
}

fn scenario(scenario: &mut NetpolScenario) {
    // Hosts, ports and ids are checked by the loader; the prose and the YAML shown on screen are
    // cleaned (a YAML that no longer parses is reported by validate, never drawn raw).
    let NetpolScenario {
        id: _,
        title,
        intro,
        engine: _,
        manifests,
        questions: _,
        origin: _,
    } = scenario;
    clean_all([title, intro, manifests]);
}

fn debug_scenario(scenario: &mut DebugScenario) {
    // Ids and `see` references are checked by the loader; everything drawn on screen is cleaned.
    let DebugScenario {
        id: _,
        title,
        symptom,
        screen,
        see: _,
        causes,
        fixes,
        actions,
        hints,
    } = scenario;
    clean_all([title, symptom, screen]);
    clean_all(hints.iter_mut());
    for DebugCause {
        id: _,
        title,
        explanation,
        fix: _,
        see: _,
    } in causes
    {
        clean_all([title, explanation]);
    }
    for DebugFix { id: _, title } in fixes {
        clean(title);
    }
    for DebugAction {
        id: _,
        label,
        command,
        outputs,
        harmful,
        see: _,
    } in actions
    {
        clean_all([label, command]);
        clean_all(harmful.iter_mut());
        for DebugOutput {
            causes: _,
            text,
            tells,
        } in outputs
        {
            clean_all([text, tells]);
        }
    }
}

fn lesson(lesson: &mut Lesson) {
    let Lesson {
        id: _,
        title,
        technical,
        eli5,
    } = lesson;
    clean(title);
    document(technical);
    eli5.iter_mut().for_each(document);
}

fn document(document: &mut Document) {
    let Document { path: _, blocks } = document;
    blocks.iter_mut().for_each(block);
}

fn block(block: &mut Block) {
    match block {
        Block::Heading { text, .. } => clean(text),
        Block::Paragraph(inlines) => inlines.iter_mut().for_each(inline),
        Block::List { items, .. } => items.iter_mut().flatten().for_each(self::block),
        Block::Quote { blocks, .. } => blocks.iter_mut().for_each(self::block),
        Block::Code { language, text } => clean_all([language, text]),
        Block::Table(table) => {
            table
                .header
                .iter_mut()
                .chain(table.rows.iter_mut().flatten())
                .for_each(|Cell(inlines)| inlines.iter_mut().for_each(inline));
            // The quiz's phrasings become prompts on screen.
            if let Some(quiz) = &mut table.quiz {
                clean_all(quiz.texts_mut());
            }
        }
        Block::Rule => {}
    }
}

fn inline(inline: &mut Inline) {
    clean(&mut inline.text);
}

fn lab(lab: &mut Lab) {
    let Lab {
        id: _,
        title,
        kind: _,
        symptom,
        intro,
        see: _,
        steps,
    } = lab;
    clean_all([title, intro]);
    clean_all(symptom.as_mut());
    steps.iter_mut().for_each(step);
}

fn step(step: &mut Step) {
    let Step {
        id: _,
        title,
        purpose,
        file,
        command,
        expected,
        look_for,
    } = step;
    clean_all([title, purpose]);
    clean_all(command.iter_mut().chain(expected).chain(look_for));
    if let Some(StepFile {
        name,
        language,
        text,
    }) = file
    {
        clean_all([name, language, text]);
    }
}

fn question(question: &mut Question) {
    let Question {
        id: _,
        prompt,
        kind,
        explanation,
        see: _,
    } = question;
    clean_all([prompt, explanation]);
    match kind {
        QuestionKind::SingleChoice { options, .. } | QuestionKind::MultiSelect { options, .. } => {
            clean_all(options)
        }
        QuestionKind::Word { accepted } => clean_all(accepted),
        QuestionKind::Ordering { items } => clean_all(items),
        QuestionKind::Cidr { answer } => clean(answer),
        QuestionKind::TrueFalse { .. } | QuestionKind::Number { .. } => {}
    }
}

fn interview_item(item: &mut InterviewItem) {
    let InterviewItem {
        id: _,
        level: _,
        question,
        answer,
        key_points,
        hints,
        see: _,
    } = item;
    clean_all([question, answer]);
    clean_all(hints);
    for KeyPoint { text, keywords } in key_points {
        clean(text);
        clean_all(keywords);
    }
}
