using DanVan365.Core.Errors;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.Documents;
using DanVan365.TestUtilities.Documents.Scans;

namespace DanVan365.Documents.Tests.Catalogue;

/// <summary>PDFs that are not a readable digital decision are refused at once, saying what to do.</summary>
public class PdfDecisionImporterTests
{
    [Fact]
    public void Import_ScannedPdf_HandedToTheScanReader()
    {
        // an image-only PDF of a page of text without a table: the scan reader (not the PDF reader) says what is missing
        var page = MadeScans.Encode(MadeScans.TextOnly(), SkiaSharp.SKEncodedImageFormat.Png);

        var ex = Refused(ScanRender.ImagePdf([page], (595, 842)));

        Assert.Contains("no catalogue table found in the scan", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("bản quét", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLines_ScannedPdf_SaysNoTextLayer()
    {
        var page = MadeScans.Encode(MadeScans.TextOnly(), SkiaSharp.SKEncodedImageFormat.Png);
        using var stream = new MemoryStream(ScanRender.ImagePdf([page], (595, 842)));

        var ex = Assert.Throws<InvalidInputException>(() => PdfDecisionImporter.ReadLines(stream, "qd-673.pdf"));

        Assert.Contains("no text layer", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("OCR", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PasswordProtectedPdf_SaysEncrypted()
    {
        var ex = Refused(PdfSamples.Encrypted(DecisionForms.Docx(FootnoteMarkStyle.Reference)));

        Assert.Contains("encrypted", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("mật khẩu", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TruncatedPdf_SaysDamaged()
    {
        var pdf = DecisionForms.RuledPdf;

        var ex = Refused(pdf.AsSpan(0, pdf.Length / 3).ToArray());

        Assert.Contains("damaged", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("bị hỏng", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NotAPdfAtAll_SaysDamaged()
    {
        var ex = Refused("QUYẾT ĐỊNH … this is text saved as .pdf"u8.ToArray());

        Assert.Contains("does not start like a PDF", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_OversizedPdf_RefusedBySizeBeforeReading()
    {
        using var stream = new CountingStream(DecisionInput.MaxBytes + 1);

        var ex = Assert.Throws<InvalidInputException>(() => DecisionImporters.Import(stream, "qd-lon.pdf", Bundled.Units));

        Assert.Contains("MB", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("quá lớn", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(0, stream.BytesRead);
    }

    private static InvalidInputException Refused(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        var ex = Assert.Throws<InvalidInputException>(() => DecisionImporters.Import(stream, "qd-673.pdf", Bundled.Units));
        Assert.Equal("qd-673.pdf", ex.File);
        return ex;
    }

    // A seekable stream of the given length that counts what is read from it (nothing is materialised).
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            BytesRead += n;
            Position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
