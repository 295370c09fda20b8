using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Tests.Mapping;

public sealed class DateFormatParserTests
{
    [Theory]
    [InlineData("2024-05-01T10:00:00.123Z", "strict_date_optional_time", 1714557600123L)]
    [InlineData("2024-05-01T10:00", "strict_date_optional_time", 1714557600000L)]
    [InlineData("2024", "strict_date_optional_time", 1704067200000L)]
    [InlineData("-1000", "epoch_millis", -1000L)]
    [InlineData("1714557600.5", "epoch_second", 1714557600500L)]
    [InlineData("2024/05/01 10:00:00 +0000", "yyyy/MM/dd HH:mm:ss Z", 1714557600000L)]
    [InlineData("20240501", "basic_date", 1714521600000L)]
    [InlineData("01.05.2024", "dd.MM.yyyy||epoch_millis", 1714521600000L)]
    [InlineData("2021-08-12T01:00:00.000000000+02:00", "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSZZZZZ", 1628722800000L)]
    [InlineData("2021-08-11T23:00:00.123456789Z", "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX", 1628722800123L)]
    [InlineData("2021-08-12 01:00+0200", "yyyy-MM-dd HH:mmxx", 1628722800000L)]
    public void TryParse_ReturnsEpochMillisUtc(string value, string format, long expected) =>
        Assert.Equal(expected, DateFormatParser.TryParse(value, format));

    [Theory]
    [InlineData("2024-13-01", "strict_date_optional_time")]
    [InlineData("yesterday", "strict_date_optional_time||epoch_millis")]
    [InlineData("2024-05-01", "epoch_millis")]
    [InlineData("2024-05-01 10:00", "yyyy-MM-dd HH:mm:ss")]
    public void TryParse_RejectsValuesOutsideTheFormat(string value, string format) =>
        Assert.Null(DateFormatParser.TryParse(value, format));
}
