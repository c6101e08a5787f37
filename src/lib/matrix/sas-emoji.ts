// The 64 emoji of SAS verification, by the English names the Matrix specification gives them
// (appendix "SAS method: emoji"); the UI shows each with its translated name.
export const SAS_EMOJI_NAMES = [
  'Dog', 'Cat', 'Lion', 'Horse', 'Unicorn', 'Pig', 'Elephant', 'Rabbit', 'Panda', 'Rooster', 'Penguin',
  'Turtle', 'Fish', 'Octopus', 'Butterfly', 'Flower', 'Tree', 'Cactus', 'Mushroom', 'Globe', 'Moon',
  'Cloud', 'Fire', 'Banana', 'Apple', 'Strawberry', 'Corn', 'Pizza', 'Cake', 'Heart', 'Smiley', 'Robot',
  'Hat', 'Glasses', 'Spanner', 'Santa', 'Thumbs Up', 'Umbrella', 'Hourglass', 'Clock', 'Gift',
  'Light Bulb', 'Book', 'Pencil', 'Paperclip', 'Scissors', 'Lock', 'Key', 'Hammer', 'Telephone', 'Flag',
  'Train', 'Bicycle', 'Aeroplane', 'Rocket', 'Trophy', 'Ball', 'Guitar', 'Trumpet', 'Bell', 'Anchor',
  'Headphones', 'Folder', 'Pin'
] as const;

export function isSasEmojiName(name: string): boolean {
  return (SAS_EMOJI_NAMES as readonly string[]).includes(name);
}
