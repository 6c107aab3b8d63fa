//! The lab's state: steps run once each, hints, the cause and then the fix, the attempt kept,
//! and the debrief's entries.
