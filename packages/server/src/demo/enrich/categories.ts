/**
 * Demo product categories: the Online Retail data has none, so a product's category is derived from
 * keywords of its description (first matching rule wins; otherwise Home décor). Applied through
 * `product.viewed` events, which put a product in its category.
 * @module
 */

export interface DemoCategory {
  id: string;
  name: string;
}

const RULES: ReadonlyArray<readonly [RegExp, DemoCategory]> = [
  [/\b(CHRISTMAS|XMAS|ADVENT|SANTA|REINDEER|NATIVITY|BAUBLES?|SNOWFLAKE|SNOWMAN)\b/, { id: 'christmas', name: 'Christmas' }],
  [
    /\b(CANDLES?|T-LIGHTS?|TEALIGHTS?|TEA LIGHTS?|LANTERNS?|LIGHTS?|LAMPS?|NIGHTLIGHT|CANDLEHOLDER)\b/,
    { id: 'candles-lights', name: 'Candles & lights' },
  ],
  [/\b(BAGS?|TOTE|SHOPPER|HANDBAG|PURSE|CHARLOTTE BAG|JUMBO)\b/, { id: 'bags', name: 'Bags' }],
  [/\b(CARDS?|WRAP|WRAPPING|GIFT TAGS?|TISSUES?|RIBBONS?|ENVELOPES?|PAPER CHAIN|GIFT BOX)\b/, { id: 'cards-wrap', name: 'Cards & wrap' }],
  [
    /\b(MUGS?|CUPS?|PLATES?|BOWLS?|SAUCERS?|TEAPOT|TEA SET|CAKESTAND|CAKE STAND|CAKE CASES|BAKING|JUG|BEAKERS?|CUTLERY|SPOONS?|NAPKINS?|LUNCH ?BOX|(?<!HOT WATER )BOTTLE|TRAY|DISH|COASTERS?|PANTRY|KITCHEN|APRON|OVEN GLOVE|TEA TOWELS?|JAM|JAR|RECIPE|STRAWS)\b/,
    { id: 'kitchen-dining', name: 'Kitchen & dining' },
  ],
  [
    /\b(PENS?|PENCILS?|NOTEBOOK|NOTE ?PAD|STICKERS?|ERASERS?|RUBBER|STATIONERY|CRAYONS|CHALK|RULER|MEMO)\b/,
    { id: 'stationery', name: 'Stationery' },
  ],
  [
    /\b(TOYS?|GAMES?|DOLLY|DOLL|PUZZLES?|JIGSAW|SKIPPING ROPE|SPACEBOY|DOMINOES|BLOCKS|PLAYHOUSE|TEDDY|SOLDIER|KIT)\b/,
    { id: 'toys-games', name: 'Toys & games' },
  ],
  [/\b(GARDEN|PLANTERS?|FLOWER POT|WATERING|BIRD|GNOME|PICNIC|PARASOL|HAMMOCK)\b/, { id: 'garden', name: 'Garden & outdoor' }],
  [
    /\b(NECKLACE|EARRINGS|BRACELET|BANGLE|HAIR ?(CLIP|SLIDE|GRIP|BAND)S?|BROOCH|RING)\b/,
    { id: 'jewellery', name: 'Jewellery & accessories' },
  ],
];

const HOME_DECOR: DemoCategory = { id: 'home-decor', name: 'Home décor' };

/** The category of a product from its description. */
export function categoryOf(description: string): DemoCategory {
  const text = description.toUpperCase();
  for (const [pattern, category] of RULES) if (pattern.test(text)) return category;
  return HOME_DECOR;
}
