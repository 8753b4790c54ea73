"""Open Spaces Kiosk: a touch-screen board for self-organised conference sessions."""
