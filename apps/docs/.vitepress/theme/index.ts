/** The default VitePress theme plus the styles of the charts and diagrams. */
import DefaultTheme from 'vitepress/theme';
import './custom.css';

export default DefaultTheme;
