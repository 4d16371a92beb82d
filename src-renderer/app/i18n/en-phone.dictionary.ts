import type { viPhone } from './vi-phone.dictionary.ts';

export const enPhone = {
  'phone.appTitle': 'Shopping',
  'phone.loginTitle': 'Sign in to shop',
  'phone.loginIntro': 'Use your Cartstation account to pair your phone with a cart.',
  'phone.loadFailed': 'Could not load your shopping session.',

  'phone.scanTitle': "Scan the cart's QR code",
  'phone.scanIntro':
    "The QR code is on the cart's screen. Scan it to pair the cart with your phone.",
  'phone.openCamera': 'Open the camera to scan',
  'phone.cameraHint': "Centre the QR code from the cart's screen in the frame.",
  'phone.cameraFailed': 'The camera could not be opened. Type the code below instead.',
  'phone.orType': 'Or type the code',
  'phone.typeCode': 'Code on the cart',
  'phone.noCameraHint':
    'This browser cannot scan codes. Read the code with your Camera app and paste the text here.',
  'phone.startShopping': 'Start shopping',
  'phone.binding': 'Pairing the cart…',

  'phone.cartTitle': 'Your cart',
  'phone.cartCode': 'Cart {cart}',
  'phone.emptyTitle': 'Your cart is empty',
  'phone.emptyBody': "Scan a product's barcode with the cart's scanner, then put it in the cart.",
  'phone.qty': 'Qty: {n}',
  'phone.removeOne': 'Remove one “{name}”',
  'phone.removedTakeOut': 'Removed one “{name}”. Please take it out of the cart.',
  'phone.exceptionTitle': 'Staff will check your cart',
  'phone.exceptionBody': 'The cart noticed something that does not add up. Please wait a moment.',
  'phone.totalItems': '{n} items',
  'phone.checkout': 'Check out',
  'phone.checkoutBlocked': 'You can check out once staff have checked the cart.',
  'phone.checkoutEmpty': 'Add items to the cart to check out.',
  'phone.lockedTitle': 'Order placed — cart locked',
  'phone.lockedBody':
    'Pay right here on your phone, or take cart {cart} to the till and give the order number.',
  'phone.amountDue': 'Amount due',
  'phone.endedTitle': 'Your shopping session has ended',
  'phone.ended.completed': 'Thank you for shopping with us!',
  'phone.ended.abandoned': 'Staff ended this shopping session.',
  'phone.ended.expired': 'The session expired after a period without activity.',
  'phone.newSession': 'Scan another cart',
} satisfies Record<keyof typeof viPhone, string>;
