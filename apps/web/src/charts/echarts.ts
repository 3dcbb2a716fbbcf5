/**
 * The ECharts build the portal uses: only the chart types and components it draws, rendered as SVG (crisp when printed,
 * readable by tests). Imported lazily (see chart.component.tsx) so pages without charts never download it.
 */
import { BarChart, LineChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TitleComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { init, use as registerParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

registerParts([BarChart, LineChart, PieChart, RadarChart, ScatterChart, GridComponent, LegendComponent, RadarComponent, TitleComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export { init };
export type { EChartsCoreOption as ChartOption, EChartsType } from 'echarts/core';
