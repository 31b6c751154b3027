// Placeholder until the GUI lands.
namespace zc { int uiPlaceholder() { return 0; } }
