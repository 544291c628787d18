namespace Site.EndToEnd.Tests;

/// <summary>
/// One JavaScript statement for the layout checks that read text character by character: it declares
/// <c>characterBoxes(el)</c>, the visible non-space characters of an element's text in order, each as
/// <c>{ c, r }</c> (the character and its client rectangle). Scripts splice it in before they use it.
/// </summary>
internal static class CharacterBoxes
{
    public const string Declaration = """
        const characterBoxes = el => {
            const boxes = [];
            const range = document.createRange();
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
              for (let i = 0; i < node.data.length; i++) {
                if (/\s/.test(node.data[i])) continue;
                range.setStart(node, i); range.setEnd(node, i + 1);
                const r = range.getClientRects()[0];
                if (r && r.width > 0) boxes.push({ c: node.data[i], r });
              }
            }
            return boxes;
          };
        """;
}
