//! What every item of a review's lists has: a number, a text, and whether
//! it stays out of the public summary. Lets code that works on "the list a
//! pane shows" see any of the five lists through one view.

use super::{ActionItem, Event, Factor, ItemId, Learning, ParkingItem, Text};

/// An item of one of the review's lists.
pub trait Listed {
    fn id(&self) -> ItemId;
    fn text(&self) -> &Text;
    /// Whether it stays out of the public summary.
    fn internal(&self) -> bool;
}

macro_rules! listed {
    ($($t:ty => $internal:expr),* $(,)?) => {
        $(impl Listed for $t {
            fn id(&self) -> ItemId {
                self.id
            }
            fn text(&self) -> &Text {
                &self.text
            }
            fn internal(&self) -> bool {
                let internal: fn(&$t) -> bool = $internal;
                internal(self)
            }
        })*
    };
}

listed! {
    Event => |e| e.internal,
    Learning => |l| l.internal,
    Factor => |f| f.internal,
    ActionItem => |a| a.internal,
    // The parking lot is never in the public summary.
    ParkingItem => |_| true,
}

/// One of the review's lists, whatever its items.
pub trait ItemList {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn item(&self, row: usize) -> Option<&dyn Listed>;
    /// The row of the item numbered `id`.
    fn row_of(&self, id: ItemId) -> Option<usize>;
}

impl<T: Listed> ItemList for Vec<T> {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }

    fn item(&self, row: usize) -> Option<&dyn Listed> {
        self.get(row).map(|i| i as &dyn Listed)
    }

    fn row_of(&self, id: ItemId) -> Option<usize> {
        self.iter().position(|i| i.id() == id)
    }
}
