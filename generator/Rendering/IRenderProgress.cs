namespace Site.Generator.Rendering;

/// <summary>What the renderer tells a progress display: how many pages there are, and each one done (from any render worker).</summary>
public interface IRenderProgress
{
    void PagesStarted(int total);

    void PageDone();
}
